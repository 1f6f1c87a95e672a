package fr.jalon.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The sample FEC shipped with Jalon, which the demo has already imported, and variants of it: the
 * same lines (same amounts, same broken lines, same encoding and line endings) under other journal
 * codes and invoice numbers, so that a test importing one creates its 77 expenses afresh.
 */
final class SampleFec {
  static final String RESOURCE = "/demo/fec-exemple.txt";

  private SampleFec() {}

  static byte[] original() {
    try (InputStream in = SampleFec.class.getResourceAsStream(RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with {@code tag} before each journal code and each piece reference ("FA24-0001" becomes tag + "FA24-0001"). */
  static byte[] variant(String tag) {
    String text = new String(original(), StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n", -1);
    String rewritten = java.util.stream.IntStream.range(0, lines.length)
        .mapToObj(i -> i == 0 || lines[i].isEmpty() ? lines[i] : tagged(lines[i], tag))
        .collect(Collectors.joining("\r\n"));
    return rewritten.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String tagged(String line, String tag) {
    String[] fields = line.split("\t", -1);
    fields[0] = tag + fields[0];
    if (fields.length > 8 && !fields[8].isEmpty()) {
      fields[8] = tag + fields[8];
    }
    return String.join("\t", fields);
  }
}
