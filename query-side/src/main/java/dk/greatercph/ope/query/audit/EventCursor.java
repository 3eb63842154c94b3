package dk.greatercph.ope.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Reads any number of rows with constant memory: a read-only transaction (so PostgreSQL keeps a cursor open)
 * and a fetch size, handing each row to a callback as it arrives. One statement, so one consistent snapshot.
 */
@Component
class EventCursor {

    static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    EventCursor(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    void stream(String sql, Map<String, ?> params, RowCallbackHandler eachRow) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, eachRow));
    }
}
