package fr.jalon.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * The build's report step: compiles every design {@code *.jrxml} of a folder into a {@code .jasper}
 * beside the classes, so that Jalon loads compiled reports and carries no Java compiler. Run by
 * Maven (exec-maven-plugin, process-classes) with the designs folder and the output folder; a
 * {@code .jasper} newer than its design is kept.
 */
public final class ReportCompiler {
  private ReportCompiler() {}

  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 2) {
      throw new IllegalArgumentException("Usage: ReportCompiler <designs folder> <output folder>");
    }
    System.setProperty("java.awt.headless", "true");
    Path designs = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Files.createDirectories(output);
    List<Path> files;
    try (Stream<Path> list = Files.list(designs)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
    }
    int compiled = 0;
    for (Path design : files) {
      String name = design.getFileName().toString().replaceFirst("\\.jrxml$", "");
      Path target = output.resolve(name + ".jasper");
      if (Files.exists(target) && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(design)) >= 0) {
        continue;
      }
      JasperCompileManager.compileReportToFile(design.toString(), target.toString());
      compiled++;
    }
    System.out.println("[reports] " + compiled + " of " + files.size() + " designs compiled into " + output);
  }
}
