package dk.greatercph.ope.platform.schema;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's data source, whose connections wait while the schema's migrations run
 * ({@link SchemaMigrationGate}). The migrations themselves use the data source it wraps. A Spring
 * {@link DelegatingDataSource}, so that Spring Boot's pool metrics, health and {@code unwrap} still reach the pool.
 */
final class MigrationGatedDataSource extends DelegatingDataSource {

    private final SchemaMigrationGate gate;

    MigrationGatedDataSource(DataSource target, SchemaMigrationGate gate) {
        super(target);
        this.gate = gate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitMigrated();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        awaitMigrated();
        return super.getConnection(username, password);
    }

    /**
     * Asked for a plain {@link DataSource}, answers with the one it wraps: Spring Boot derives the migrations' own
     * data source (when {@code spring.flyway.user} differs) from what this unwraps to, and that one must not wait.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface == DataSource.class ? (T) getTargetDataSource() : super.unwrap(iface);
    }

    private void awaitMigrated() throws SQLException {
        try {
            gate.awaitMigrated();
        } catch (RuntimeException failure) {
            throw new SQLException("The schema's migrations failed: " + failure.getMessage(), failure);
        }
    }

    /** The data source the migrations use: the one wrapped, if it is wrapped. */
    static DataSource direct(DataSource dataSource) {
        return dataSource instanceof MigrationGatedDataSource gated ? gated.getTargetDataSource() : dataSource;
    }
}
