package fr.jalon.reporting;

import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.ReportEngine;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;

/** The report service on a test entity manager, without the container (no role checks), with the ERD generator. */
final class ReportFixtures {
  static final ReportEngine ENGINE = new ReportEngine();

  private ReportFixtures() {}

  static ReportService reportService(EntityManager em, ExpenseService expenses, FileStore files, Clock clock) {
    ErdGenerator erd = new ErdGenerator();
    erd.em = em;
    erd.expenses = expenses;
    erd.lines = new ErdRepository(em);
    erd.engine = ENGINE;
    erd.clock = clock;
    ReportService s = new ReportService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    s.expenses = expenses;
    s.lines = erd.lines;
    s.files = files;
    s.clock = clock;
    s.generators = instance(List.of(erd));
    return s;
  }

  @SuppressWarnings("unchecked")
  static <T> Instance<T> instance(List<T> beans) {
    return (Instance<T>) Proxy.newProxyInstance(ReportFixtures.class.getClassLoader(), new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
      case "iterator" -> beans.iterator();
      case "stream" -> beans.stream();
      case "isResolvable" -> beans.size() == 1;
      case "isUnsatisfied" -> beans.isEmpty();
      case "isAmbiguous" -> beans.size() > 1;
      case "get" -> beans.get(0);
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "Instance" + beans;
      default -> throw new UnsupportedOperationException(method.getName());
    });
  }
}
