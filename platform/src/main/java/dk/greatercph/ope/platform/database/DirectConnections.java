package dk.greatercph.ope.platform.database;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Connections opened beside the pool, with the pool's URL, credentials and driver settings but short timeouts of
 * their own: for the checks that must still work when every pooled connection is taken or stuck.
 */
final class DirectConnections {

    private DirectConnections() {
    }

    static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Opens a connection outside the pool named {@code applicationName}, whose connect, login and socket timeouts
     * are {@code timeout} (whole seconds, at least one); without a Hikari pool, borrows one from the data source and
     * keeps it (a slot of that pool) until closed.
     */
    static Connection open(DataSource dataSource, Duration timeout, String applicationName) throws SQLException {
        HikariDataSource pool = hikari(dataSource);
        int seconds = (int) Math.max(1, timeout.toSeconds());
        if (pool != null && pool.getJdbcUrl() != null) {
            Properties connectionProperties = new Properties();
            connectionProperties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                connectionProperties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                connectionProperties.setProperty("password", pool.getPassword());
            }
            connectionProperties.setProperty("connectTimeout", Integer.toString(seconds));
            connectionProperties.setProperty("loginTimeout", Integer.toString(seconds));
            connectionProperties.setProperty("socketTimeout", Integer.toString(seconds));
            connectionProperties.setProperty("ApplicationName", applicationName);
            return DriverManager.getConnection(pool.getJdbcUrl(), connectionProperties);
        }
        Connection pooled = dataSource.getConnection();
        if (!pooled.isValid(seconds)) {
            pooled.close();
            throw new SQLException("the database did not answer within " + timeout);
        }
        pooled.setAutoCommit(true); // each check its own transaction, never one left open
        return pooled;
    }

    /** Closes {@code connection} if there is one, ignoring that it may be dead already. */
    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is dead already
            }
        }
    }
}
