package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlugRaceTest {

    @Test
    void createsRacingForOneDerivedSlugAllSucceedWithDistinctSlugs() throws Exception {
        Api.Session admin = Api.admin();
        String name = "Racing Bike " + UUID.randomUUID().toString().substring(0, 8);
        String base = Slugs.derive(name);
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return admin.as().body(Catalog.product(name, 1000, 1)).post("/api/v1/admin/products");
            }));
        }
        start.countDown();
        Set<String> slugs = new HashSet<>();
        for (Future<Response> result : results) {
            Response response = result.get();
            assertEquals(201, response.statusCode(), response.asString());
            slugs.add(response.path("slug"));
        }
        pool.shutdown();
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= parallel; n++) {
            expected.add(Slugs.candidate(base, n));
        }
        assertEquals(expected, slugs);
    }
}
