package fr.jalon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Point(String name, double x, long y, Boolean flag, List<Integer> sizes) {}

  @Test
  void writesRecordsWithTheirComponentNames() {
    String json = Json.write(new Point("a \"b\"\n", 2.5, 3, null, List.of(1, 2)));
    assertThat(json.replaceAll("\\s", ""))
        .isEqualTo("{\"name\":\"a\\\"b\\\"\\n\",\"x\":2.5,\"y\":3,\"flag\":null,\"sizes\":[1,2]}");
  }

  @Test
  void writesMapsInTheirOrderAndEmptyCollections() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", List.of());
    map.put("a", Map.of());
    assertThat(Json.write(map).replaceAll("\\s", "")).isEqualTo("{\"z\":[],\"a\":{}}");
  }

  @Test
  void wholeDoublesHaveNoFractionAndNotANumberIsNull() {
    assertThat(Json.write(List.of(3.0, Double.NaN, 0.1234567)).replaceAll("\\s", "")).isEqualTo("[3,null,0.123]");
  }
}
