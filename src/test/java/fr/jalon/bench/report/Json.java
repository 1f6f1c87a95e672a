package fr.jalon.bench.report;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** A small JSON writer for records, lists, maps, strings, numbers and booleans: enough for results. */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    String inner = indent + "  ";
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
      case Double d -> out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(Math.round(d * 1000) / 1000.0));
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Record r -> {
        out.append("{");
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
          out.append(i == 0 ? "\n" : ",\n").append(inner);
          string(components[i].getName(), out);
          out.append(": ");
          write(read(components[i], r), out, inner);
        }
        out.append(components.length == 0 ? "}" : "\n" + indent + "}");
      }
      case Map<?, ?> m -> {
        out.append("{");
        Iterator<? extends Map.Entry<?, ?>> entries = m.entrySet().iterator();
        boolean first = true;
        while (entries.hasNext()) {
          Map.Entry<?, ?> e = entries.next();
          out.append(first ? "\n" : ",\n").append(inner);
          string(String.valueOf(e.getKey()), out);
          out.append(": ");
          write(e.getValue(), out, inner);
          first = false;
        }
        out.append(first ? "}" : "\n" + indent + "}");
      }
      case Collection<?> c when c.stream().allMatch(item -> item instanceof Number) -> {
        // Lists of numbers (sizes, run times) on one line: easier to read and to diff.
        out.append("[");
        boolean first = true;
        for (Object item : c) {
          out.append(first ? "" : ", ");
          write(item, out, inner);
          first = false;
        }
        out.append("]");
      }
      case Collection<?> c -> {
        out.append("[");
        boolean first = true;
        for (Object item : c) {
          out.append(first ? "\n" : ",\n").append(inner);
          write(item, out, inner);
          first = false;
        }
        out.append(first ? "]" : "\n" + indent + "]");
      }
      default -> string(value.toString(), out);
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
