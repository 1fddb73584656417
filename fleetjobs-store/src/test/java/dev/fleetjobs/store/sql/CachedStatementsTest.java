package dev.fleetjobs.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements are prepared once per connection and reused, also across transactions, and never shared by two uses at once. */
class CachedStatementsTest {

    @TempDir
    Path dir;

    private Connection connection;
    private Handle handle;
    private CachedStatements statements;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
        connection.setAutoCommit(false);
        handle = Jdbi.create(connection).open();
        statements = new CachedStatements(2);
        handle.setStatementBuilder(statements);
        handle.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
        for (int i = 1; i <= 3; i++) {
            handle.createUpdate("INSERT INTO items (id, name) VALUES (:id, :name)").bind("id", i).bind("name", "item-" + i).execute();
        }
        connection.commit();
    }

    @AfterEach
    void close() throws Exception {
        handle.close();
        connection.close();
    }

    @Test
    void aStatementIsPreparedOnceAndAnswersEachUseWithItsOwnParameters() throws Exception {
        long before = statements.preparedCount();
        for (int round = 0; round < 3; round++) {
            for (int id = 1; id <= 3; id++) {
                assertThat(name(id)).isEqualTo("item-" + id);
            }
            connection.rollback();
        }
        assertThat(statements.preparedCount() - before).isEqualTo(1);
    }

    @Test
    void theSameQueryRunInsideItsOwnIterationGetsAStatementOfItsOwn() {
        String sql = "SELECT name FROM items WHERE id >= :id ORDER BY id";
        List<String> pairs = handle.createQuery(sql).bind("id", 2).mapTo(String.class).stream()
                .map(outer -> outer + "/" + handle.createQuery(sql).bind("id", 3).mapTo(String.class).one())
                .collect(Collectors.toList());

        assertThat(pairs).containsExactly("item-2/item-3", "item-3/item-3");
        long prepared = statements.preparedCount();
        assertThat(handle.createQuery(sql).bind("id", 1).mapTo(String.class).list()).hasSize(3);
        assertThat(statements.preparedCount()).isEqualTo(prepared);
    }

    @Test
    void theLeastRecentlyUsedStatementsBeyondTheCapacityAreClosed() {
        name(1);
        handle.createQuery("SELECT count(*) FROM items").mapTo(Long.class).one();
        handle.createQuery("SELECT max(id) FROM items").mapTo(Long.class).one();
        long prepared = statements.preparedCount();

        assertThat(name(2)).isEqualTo("item-2");
        assertThat(statements.preparedCount()).isEqualTo(prepared + 1);
    }

    @Test
    void statementsThatReturnGeneratedKeysAreNotKept() {
        long before = statements.preparedCount();
        for (int id = 4; id <= 5; id++) {
            long key = handle.createUpdate("INSERT INTO items (name) VALUES (:name)").bind("name", "n" + id)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            assertThat(key).isEqualTo(id);
        }
        assertThat(statements.preparedCount() - before).isEqualTo(2);
    }

    private String name(int id) {
        return handle.createQuery("SELECT name FROM items WHERE id = :id").bind("id", id).mapTo(String.class).one();
    }
}
