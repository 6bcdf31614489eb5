package com.acme.shop.catalog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Categories;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No category ends up under itself, however the moves interleave: the rule holds in the database. */
@QuarkusTest
class CategoryMoveRaceTest {

    @Inject
    Db db;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void crossedMovesAtTheSameTimeLetExactlyOneWin() throws Exception {
        Api.Session admin = Api.admin();
        for (int round = 0; round < 8; round++) {
            String tag = Categories.tag();
            String a = Categories.create(admin, "A", "a-" + tag, null);
            String b = Categories.create(admin, "B", "b-" + tag, null);
            List<Response> answers = Parallel.run(List.of(
                    () -> admin.as().body(Map.of("parentId", b)).patch("/api/v1/admin/categories/" + a),
                    () -> admin.as().body(Map.of("parentId", a)).patch("/api/v1/admin/categories/" + b)));
            List<Integer> statuses = new ArrayList<>();
            for (Response answer : answers) {
                statuses.add(answer.statusCode());
                if (answer.statusCode() == 409) {
                    assertEquals("conflict", answer.path("code"), answer.asString());
                }
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "round " + round);
            long moved = db.count("SELECT count(*) FROM category WHERE (id = ?::uuid AND parent_id = ?::uuid) "
                    + "OR (id = ?::uuid AND parent_id = ?::uuid)", a, b, b, a);
            assertEquals(1, moved, "round " + round);
        }
        assertTreeIsAcyclic();
    }

    @Test
    void theDatabaseRefusesACycleFromWritersThatBypassTheService() throws Exception {
        Api.Session admin = Api.admin();
        String tag = Categories.tag();
        UUID a = UUID.fromString(Categories.create(admin, "A", "a-" + tag, null));
        UUID b = UUID.fromString(Categories.create(admin, "B", "b-" + tag, null));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(1, move(first, a, b));
            // The crossed move waits for the first one's transaction (its locks on the ancestry and the tree), then sees
            // it and is refused.
            Future<Integer> crossed = pool.submit(() -> move(second, b, a));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND query LIKE 'UPDATE category SET parent_id%'") > 0);
            first.commit();
            Exception refused = assertThrows(Exception.class, () -> crossed.get(30, TimeUnit.SECONDS));
            SQLException sql = (SQLException) refused.getCause();
            assertEquals("23514", sql.getSQLState());
            assertTrue(sql.getMessage().contains("category_no_cycle"), sql.getMessage());
            second.rollback();
        } finally {
            pool.shutdownNow();
        }
        assertTreeIsAcyclic();
    }

    @Test
    void theDatabaseRefusesACycleWithinOneTransactionAndAParentOfItself() throws Exception {
        Api.Session admin = Api.admin();
        String tag = Categories.tag();
        UUID a = UUID.fromString(Categories.create(admin, "A", "a-" + tag, null));
        UUID b = UUID.fromString(Categories.create(admin, "B", "b-" + tag, a.toString()));
        UUID c = UUID.fromString(Categories.create(admin, "C", "c-" + tag, b.toString()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            SQLException deep = assertThrows(SQLException.class, () -> move(connection, a, c));
            assertTrue(deep.getMessage().contains("category_no_cycle"), deep.getMessage());
            connection.rollback();
            SQLException self = assertThrows(SQLException.class, () -> move(connection, a, a));
            assertEquals("23514", self.getSQLState());
            connection.rollback();
        }
        assertTreeIsAcyclic();
    }

    @Test
    void createsRacingForOneDerivedSlugAllSucceedWithDistinctSlugs() throws Exception {
        Api.Session admin = Api.admin();
        String name = "Racing " + Categories.tag();
        String base = Slugs.derive(name);
        int parallel = 8;
        List<Response> answers = Parallel.run(parallel,
                i -> () -> admin.as().body(Map.of("name", name)).post("/api/v1/admin/categories"));
        java.util.Set<String> slugs = new java.util.HashSet<>();
        for (Response answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            slugs.add(answer.path("slug"));
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int n = 1; n <= parallel; n++) {
            expected.add(Slugs.candidate(base, n));
        }
        assertEquals(expected, slugs);
    }

    @Test
    void aDeleteRacingWithANewChildNeverLeavesAnOrphan() throws Exception {
        Api.Session admin = Api.admin();
        for (int round = 0; round < 8; round++) {
            String tag = Categories.tag();
            String parent = Categories.create(admin, "Parent", "parent-" + tag, null);
            List<Response> answers = Parallel.run(List.of(
                    () -> admin.as().delete("/api/v1/admin/categories/" + parent),
                    () -> admin.as().body(Map.of("name", "Child", "slug", "child-" + tag, "parentId", parent))
                            .post("/api/v1/admin/categories")));
            int deleted = answers.get(0).statusCode();
            int created = answers.get(1).statusCode();
            // Either the child came first (the delete is refused) or the delete did (the child has no parent to go under).
            boolean childFirst = created == 201 && deleted == 409;
            boolean deleteFirst = deleted == 204 && created == 400;
            assertTrue(childFirst || deleteFirst, "round " + round + ": delete " + deleted + ", create " + created
                    + " " + answers.get(1).asString());
            assertEquals(childFirst ? 1 : 0, db.count("SELECT count(*) FROM category WHERE slug = ?", "child-" + tag));
            assertEquals(childFirst ? 1 : 0, db.count("SELECT count(*) FROM category WHERE id = ?::uuid", parent));
        }
    }

    @Test
    void filingAProductUnderACategoryBeingDeletedIsNeverAServerError() throws Exception {
        Api.Session admin = Api.admin();
        String product = com.acme.shop.support.Catalog.create(admin, "Filed in a race " + Categories.tag(), 100, 1);
        for (int round = 0; round < 8; round++) {
            String tag = Categories.tag();
            String category = Categories.create(admin, "Doomed", "doomed-" + tag, null);
            List<Response> answers = Parallel.run(List.of(
                    () -> admin.as().delete("/api/v1/admin/categories/" + category),
                    () -> admin.as().body(Map.of("categoryIds", List.of(category)))
                            .patch("/api/v1/admin/products/" + product)));
            assertEquals(204, answers.get(0).statusCode(), answers.get(0).asString());
            int filed = answers.get(1).statusCode();
            assertTrue(filed == 200 || filed == 400, "round " + round + ": " + answers.get(1).asString());
            // Whichever came first, no link to a deleted category is left.
            assertEquals(0, db.count("SELECT count(*) FROM product_category WHERE category_id = ?::uuid", category));
        }
    }

    private static int move(Connection connection, UUID category, UUID parent) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE category SET parent_id = ? WHERE id = ?")) {
            statement.setObject(1, parent);
            statement.setObject(2, category);
            return statement.executeUpdate();
        }
    }

    /** Walking up from every category ends at the top: no category is its own ancestor. */
    private void assertTreeIsAcyclic() {
        assertEquals(0, db.count("""
                WITH RECURSIVE up(start, id, depth) AS (
                    SELECT id, parent_id, 1 FROM category WHERE parent_id IS NOT NULL
                    UNION ALL
                    SELECT up.start, c.parent_id, up.depth + 1 FROM up JOIN category c ON c.id = up.id
                    WHERE c.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 10000
                )
                SELECT count(*) FROM up WHERE id = start"""));
    }
}
