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
  /** Reads the ERD's lines beside the fill, as the server's managed executor does. */
  static final java.util.concurrent.ExecutorService READER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "erd-lines");
    t.setDaemon(true);
    return t;
  });

  private ReportFixtures() {}

  static ReportService reportService(EntityManager em, ExpenseService expenses, FileStore files, Clock clock) {
    return configure(new ReportService(), em, expenses, files, clock, null);
  }

  /**
   * The service as the container runs it: each step of a generation commits in a transaction of its
   * own on {@code em} (the caller opens none), and the files are made with no transaction open,
   * their lines read through {@code dataSource}.
   */
  static ReportService steppedReportService(EntityManager em, ExpenseService expenses, FileStore files, Clock clock, javax.sql.DataSource dataSource) {
    ReportService s = new ReportService() {
      @Override
      public Draft open(GenerateRequest request, ReportGenerator generator) {
        return inTransaction(em, () -> super.open(request, generator));
      }

      @Override
      public Draft reopen(long id, Integer version, ReportGenerator generator) {
        return inTransaction(em, () -> super.reopen(id, version, generator));
      }

      @Override
      public ReportRow store(Draft draft, ReportGenerator.Generated made, java.util.function.Consumer<ReportRow> ready) {
        return inTransaction(em, () -> super.store(draft, made, ready));
      }

      @Override
      public void abandon(long id) {
        inTransaction(em, () -> {
          super.abandon(id);
          return null;
        });
      }

      @Override
      public Moved move(long id, Transition t) {
        return inTransaction(em, () -> super.move(id, t));
      }
    };
    return configure(s, em, expenses, files, clock, dataSource);
  }

  private static <T> T inTransaction(EntityManager em, java.util.function.Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  private static ReportService configure(ReportService s, EntityManager em, ExpenseService expenses, FileStore files, Clock clock, javax.sql.DataSource dataSource) {
    ErdGenerator erd = new ErdGenerator();
    erd.em = em;
    erd.expenses = expenses;
    erd.lines = new ErdRepository(em, dataSource);
    erd.engine = ENGINE;
    erd.clock = clock;
    erd.executor = READER;
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
