package fr.jalon.bench.generator;

import fr.jalon.security.PasswordHasher;
import java.util.List;
import java.util.function.UnaryOperator;

/** The steps of a complete generated database, in order. Later issues append theirs here. */
public final class Generators {
  private Generators() {}

  public static List<DataGenerator> standard() {
    return standard(new PasswordHasher()::hash);
  }

  /** The same steps with another password hasher, for tests. */
  public static List<DataGenerator> standard(UnaryOperator<String> passwordHash) {
    return List.of(
        new GrantGenerator(),
        new PartnerGenerator(),
        new UserGenerator(passwordHash),
        new PlanGenerator(),
        new MilestoneGenerator(),
        new IndicatorGenerator(),
        new ExpenseDataGenerator(),
        // Last: it records the whole generation in the audit trail as one entry (rule 15).
        new GenerationAuditGenerator());
  }
}
