package fr.jalon.accounting;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import would do, before anything is saved: counts, the total to be created, and the
 * lines (at most {@link #SHOWN} of them; every refused line is counted).
 */
public record ImportPreview(
    long fileId, String fileName, String sha256, int linesRead, int toCreate, int alreadyThere, int refused, BigDecimal totalIncl, List<ImportLine> lines)
    implements java.io.Serializable {
  public static final int SHOWN = 1000;
}
