package fr.jalon.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's data source: embedded Derby in the data folder ({@code JALON_DATA}, default
 * {@code ./data}). Payara substitutes the variable when it creates the pool.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = DatabaseConfiguration.JNDI_NAME,
    className = "org.apache.derby.jdbc.EmbeddedDataSource",
    databaseName = "${ENV=JALON_DATA:data}/jalon-db",
    properties = {"createDatabase=create"},
    initialPoolSize = 2,
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true)
public class DatabaseConfiguration {
  public static final String JNDI_NAME = "java:app/jdbc/jalon";
}
