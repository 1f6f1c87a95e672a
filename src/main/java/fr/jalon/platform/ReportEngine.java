package fr.jalon.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.fill.FillListener;
import net.sf.jasperreports.engine.fill.JRBaseFiller;
import net.sf.jasperreports.engine.fill.JRFiller;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills the JasperReports designs of the top-level {@code reports/} folder (carried in the WAR
 * under {@code /reports}). The build compiles each design into a {@code .jasper} beside it
 * ({@link ReportCompiler}); a report is loaded from it on first use and cached. A design without
 * its {@code .jasper} is compiled on first use instead (this needs the JDT compiler and Jackson's
 * XML format on the class path, which only the tests have). Fills and exports are per request.
 */
@ApplicationScoped
public class ReportEngine {
  private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

  /** Fills the design {@code name} and writes it as PDF to {@code out}. */
  public void pdf(String name, Map<String, Object> parameters, JRDataSource data, Locale locale, OutputStream out) {
    try {
      JasperPrint print = fill(name, parameters, data, locale);
      pdfExporter(new SimpleExporterInput(print), print.getName(), out).exportReport();
    } catch (JRException e) {
      throw new IllegalStateException("Rapport " + name + " : " + e.getMessage(), e);
    }
  }

  /** Writes filled reports one after the other as one PDF (a report in several parts, a pack). */
  public void pdf(java.util.List<JasperPrint> prints, OutputStream out) {
    try {
      pdfExporter(SimpleExporterInput.getInstance(prints), prints.get(0).getName(), out).exportReport();
    } catch (JRException e) {
      throw new IllegalStateException("Rapport " + prints.get(0).getName() + " : " + e.getMessage(), e);
    }
  }

  /** Jalon's PDF exporter: {@code input} to {@code out}, titled {@code title}, made by Jalon. */
  static JRPdfExporter pdfExporter(ExporterInput input, String title, OutputStream out) {
    JRPdfExporter exporter = new JRPdfExporter();
    exporter.setExporterInput(input);
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
    SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
    configuration.setMetadataTitle(title);
    configuration.setMetadataCreator("Jalon");
    exporter.setConfiguration(configuration);
    return exporter;
  }

  public JasperPrint fill(String name, Map<String, Object> parameters, JRDataSource data, Locale locale) throws JRException {
    return JasperFillManager.fillReport(design(name), withLocale(parameters, locale), data == null ? new JREmptyDataSource(1) : data);
  }

  /** As {@link #fill(String, Map, JRDataSource, Locale)}, telling {@code listener} of each page started. */
  JasperPrint fill(String name, Map<String, Object> parameters, JRDataSource data, Locale locale, FillListener listener) throws JRException {
    JRBaseFiller filler = JRFiller.createFiller(DefaultJasperReportsContext.getInstance(), design(name));
    filler.addFillListener(listener);
    return filler.fill(withLocale(parameters, locale), data);
  }

  /**
   * A PDF written to {@code out} by a task of {@code executor} while a long report fills: see
   * {@link StreamedPdf}, and the designs it takes.
   */
  public StreamedPdf streamedPdf(String title, OutputStream out, ExecutorService executor) {
    return new StreamedPdf(this, title, out, executor);
  }

  private static Map<String, Object> withLocale(Map<String, Object> parameters, Locale locale) {
    Map<String, Object> all = new HashMap<>(parameters);
    Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    all.put(JRParameter.REPORT_LOCALE, effective);
    all.put(JRParameter.REPORT_RESOURCE_BUNDLE, ResourceBundle.getBundle(Messages.BUNDLE, effective, ReportEngine.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    return all;
  }

  JasperReport design(String name) {
    return compiled.computeIfAbsent(name, ReportEngine::compile);
  }

  private static JasperReport compile(String name) {
    String compiled = "/reports/" + name + ".jasper";
    try (InputStream in = ReportEngine.class.getResourceAsStream(compiled)) {
      if (in != null) {
        return (JasperReport) JRLoader.loadObject(in);
      }
    } catch (IOException | JRException e) {
      throw new IllegalStateException("Rapport compilé " + compiled + " : " + e.getMessage(), e);
    }
    String resource = "/reports/" + name + ".jrxml";
    try (InputStream in = ReportEngine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Modèle de rapport introuvable : " + resource);
      }
      return JasperCompileManager.compileReport(in);
    } catch (IOException | JRException e) {
      throw new IllegalStateException("Modèle de rapport " + resource + " : " + e.getMessage(), e);
    }
  }
}
