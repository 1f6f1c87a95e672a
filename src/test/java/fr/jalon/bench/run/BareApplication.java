package fr.jalon.bench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The floor: a WAR holding one static page, built at bench time. Payara Micro started on it the
 * way Jalon is started shows what the server costs before any application code.
 */
public final class BareApplication {
  public static final String READY_PATH = "/";

  private BareApplication() {}

  public static Path write(Path war) throws IOException {
    Files.createDirectories(war.getParent());
    try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("<!DOCTYPE html><html lang=\"en\"><title>Floor</title><p>Empty application.</p></html>\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return war;
  }
}
