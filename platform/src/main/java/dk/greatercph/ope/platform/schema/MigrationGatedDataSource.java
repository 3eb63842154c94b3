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

    /**
     * The data source the migrations use: the one wrapped, if it is wrapped, and its connections without a socket
     * timeout ({@link Untimed}).
     */
    static DataSource direct(DataSource dataSource) {
        return new Untimed(dataSource instanceof MigrationGatedDataSource gated ? gated.getTargetDataSource()
                : dataSource);
    }

    /**
     * Connections on which a statement may run as long as it takes. The application's pool ends a statement whose
     * answer takes longer than its socket timeout (10 s, {@code PlatformDefaults}), which would fail the start on a
     * migration that builds an index over a large table at an upgrade. The pool sets its own timeout again when a
     * connection comes back to it.
     */
    static final class Untimed extends DelegatingDataSource {

        Untimed(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return untimed(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return untimed(super.getConnection(username, password));
        }

        private static Connection untimed(Connection connection) throws SQLException {
            try {
                connection.setNetworkTimeout(Runnable::run, 0);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }
}
