package fr.jalon.audit;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Page;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit trail page: newest first, paged in the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {
  @Inject AuditTrail trail;

  private String filter;

  private final LazyDataModel<AuditLine> lines = new LazyDataModel<>() {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) trail.page(0, 1, filter).total();
    }

    @Override
    public List<AuditLine> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Page<AuditLine> page = trail.page(first, pageSize, filter);
      setRowCount((int) page.total());
      return page.items();
    }

    @Override
    public String getRowKey(AuditLine line) {
      return String.valueOf(line.id());
    }

    @Override
    public AuditLine getRowData(String rowKey) {
      return null;
    }
  };

  public LazyDataModel<AuditLine> getLines() {
    return lines;
  }

  public String time(LocalDateTime at) {
    return Dates.format(at, Faces.locale());
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }
}
