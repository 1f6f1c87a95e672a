package fr.jalon.accounting;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a FEC line by line, never the whole file at once (DESIGN.md §2): ISO-8859-15 or UTF-8 with
 * or without BOM, tab, {@code |} or {@code ;} separated, CRLF, LF or CR, 18 to 22 columns,
 * Debit/Credit or Montant + Sens, zero-padded and quoted amounts with a decimal comma, dates
 * {@code AAAAMMJJ}. Each readable line goes to {@code lines}, each refused one to {@code problems}.
 */
public final class FecReader {
  static final List<String> STANDARD = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
      "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final int SNIFF = 64 * 1024;

  private FecReader() {}

  /** What a pass over the file found: lines read (header excluded). */
  public record Summary(int linesRead, String charset, char separator) {}

  public static Summary read(InputStream raw, Consumer<FecLine> lines, Consumer<FecProblem> problems) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
      Charset charset = charsetOf(in);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
      String header = reader.readLine();
      if (header == null) {
        problems.accept(new FecProblem(1, null, "Fichier vide."));
        return new Summary(0, charset.name(), '\t');
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      char separator = separatorOf(header);
      List<String> names = split(header, separator);
      if (names.size() < 18 || names.size() > 22) {
        problems.accept(new FecProblem(1, null, "L’en-tête compte " + names.size() + " colonnes : un FEC en compte de 18 à 22."));
        return new Summary(0, charset.name(), separator);
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      boolean montantSens = !index.containsKey("debit") && index.containsKey("montant") && index.containsKey("sens");
      for (String required : List.of("JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "PieceRef")) {
        if (!index.containsKey(required.toLowerCase(Locale.ROOT))) {
          problems.accept(new FecProblem(1, required, "Colonne « " + required + " » absente de l’en-tête."));
          return new Summary(0, charset.name(), separator);
        }
      }
      if (!montantSens && !(index.containsKey("debit") && index.containsKey("credit"))) {
        problems.accept(new FecProblem(1, "Debit", "Colonnes « Debit » et « Credit » (ou « Montant » et « Sens ») absentes de l’en-tête."));
        return new Summary(0, charset.name(), separator);
      }
      List<Integer> extraColumns = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).trim();
        if (STANDARD.stream().noneMatch(s -> s.equalsIgnoreCase(n)) && !n.equalsIgnoreCase("Montant") && !n.equalsIgnoreCase("Sens")) {
          extraColumns.add(i);
        }
      }
      int number = 1;
      int read = 0;
      String text;
      while ((text = reader.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        read++;
        List<String> f = split(text, separator);
        if (f.size() != names.size()) {
          problems.accept(new FecProblem(number, null, "La ligne compte " + f.size() + " colonnes au lieu de " + names.size() + "."));
          continue;
        }
        try {
          lines.accept(line(number, f, index, montantSens, extraColumns));
        } catch (Refused r) {
          problems.accept(new FecProblem(number, r.column, r.getMessage()));
        }
      }
      return new Summary(read, charset.name(), separator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Refused extends RuntimeException {
    final String column;

    Refused(String column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }
  }

  private static FecLine line(int number, List<String> f, Map<String, Integer> index, boolean montantSens, List<Integer> extraColumns) {
    BigDecimal debit;
    BigDecimal credit;
    if (montantSens) {
      BigDecimal amount = amount(get(f, index, "Montant"), "Montant");
      String sens = get(f, index, "Sens").trim().toUpperCase(Locale.ROOT);
      boolean isDebit = sens.equals("D") || sens.equals("+1") || sens.equals("1");
      boolean isCredit = sens.equals("C") || sens.equals("-1");
      if (!isDebit && !isCredit) {
        throw new Refused("Sens", "Sens « " + sens + " » illisible : D ou C attendu.");
      }
      debit = isDebit ? amount : BigDecimal.ZERO.setScale(2);
      credit = isCredit ? amount : BigDecimal.ZERO.setScale(2);
    } else {
      debit = amount(get(f, index, "Debit"), "Debit");
      credit = amount(get(f, index, "Credit"), "Credit");
      if (debit.signum() != 0 && credit.signum() != 0) {
        throw new Refused("Debit", "Débit et crédit sont tous deux renseignés : un seul des deux doit l’être.");
      }
    }
    String account = get(f, index, "CompteNum").trim();
    if (account.isEmpty()) {
      throw new Refused("CompteNum", "Numéro de compte absent.");
    }
    List<String> extra = extraColumns.stream().map(i -> unquote(f.get(i)).trim()).toList();
    return new FecLine(number, get(f, index, "JournalCode").trim(), get(f, index, "EcritureNum").trim(), date(get(f, index, "EcritureDate"), "EcritureDate", true),
        account, get(f, index, "CompAuxNum").trim(), get(f, index, "CompAuxLib").trim(), get(f, index, "PieceRef").trim(),
        date(get(f, index, "PieceDate"), "PieceDate", false), get(f, index, "EcritureLib").trim(), debit, credit, get(f, index, "EcritureLet").trim(),
        date(get(f, index, "DateLet"), "DateLet", false), extra);
  }

  private static String get(List<String> f, Map<String, Integer> index, String name) {
    Integer i = index.get(name.toLowerCase(Locale.ROOT));
    return i == null ? "" : unquote(f.get(i));
  }

  /** {@code 000001234,50}, {@code "1234,5"}, {@code 1234.50}, empty (zero). */
  static BigDecimal amount(String text, String column) {
    String t = unquote(text).trim().replace(" ", "");
    if (t.isEmpty()) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (t.chars().filter(c -> c == ',' || c == '.').count() > 1) {
      throw new Refused(column, "Montant « " + text.trim() + " » illisible : virgule décimale, sans séparateur de milliers.");
    }
    try {
      BigDecimal value = new BigDecimal(t.replace(',', '.'));
      if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
        throw new Refused(column, "Montant « " + text.trim() + " » au-delà du centime.");
      }
      if (value.signum() < 0) {
        throw new Refused(column, "Montant « " + text.trim() + " » négatif : le sens se lit dans la colonne débit ou crédit.");
      }
      return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      throw new Refused(column, "Montant « " + text.trim() + " » illisible.");
    }
  }

  static LocalDate date(String text, String column, boolean required) {
    String t = unquote(text).trim();
    if (t.isEmpty()) {
      if (required) {
        throw new Refused(column, "Date absente.");
      }
      return null;
    }
    try {
      return LocalDate.parse(t, DAY);
    } catch (DateTimeParseException e) {
      throw new Refused(column, "Date « " + t + " » illisible : AAAAMMJJ attendu.");
    }
  }

  static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return s;
  }

  /** Splits on the separator, keeping separators inside double quotes. */
  static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (c == separator && !quoted) {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }

  static char separatorOf(String header) {
    long tabs = header.chars().filter(c -> c == '\t').count();
    long pipes = header.chars().filter(c -> c == '|').count();
    long semicolons = header.chars().filter(c -> c == ';').count();
    return tabs >= pipes && tabs >= semicolons ? '\t' : pipes >= semicolons ? '|' : ';';
  }

  /** UTF-8 when the first 64 KiB decode as UTF-8 (or start with its BOM), ISO-8859-15 otherwise. */
  static Charset charsetOf(BufferedInputStream in) throws IOException {
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      in.skipNBytes(3);
      return StandardCharsets.UTF_8;
    }
    int length = head.length;
    // Do not judge a multi-byte sequence cut by the end of the sample.
    while (length > 0 && length > head.length - 4 && (head[length - 1] & 0xC0) == 0x80) {
      length--;
    }
    if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
      length--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Arrays.copyOf(head, length)));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return Charset.forName("ISO-8859-15");
    }
  }
}
