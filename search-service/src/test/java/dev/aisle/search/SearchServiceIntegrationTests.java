package dev.aisle.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aisle.catalog.max-products-per-request=50", "aisle.search.events.behavior-url=http://127.0.0.1:9"})
class SearchServiceIntegrationTests {

    private static final String PRODUCTS = "/api/v1/catalog/products";
    private static final String CATALOGUE = """
            [{"id":"it-1","title":"Air Zoom basketball shoe","brand":"Nike","categoryPath":["Sports","Basketball","Shoes"],
              "price":89.99,"currency":"USD","attributes":{"color":"red"},"inStock":true,"language":"en"},
             {"id":"it-2","title":"耐克 男子篮球鞋","brand":"耐克","categoryPath":["运动","篮球","鞋"],"price":599,
              "currency":"CNY","inStock":true,"language":"zh"},
             {"id":"it-3","title":"Chef kitchen knife","brand":"Wusthof","categoryPath":["Home","Kitchen"],"price":49,
              "currency":"USD","inStock":false,"language":"en"}]
            """;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void indexDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("search-index");
        registry.add("aisle.search.index-dir", dir::toString);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> searchUntilFound(String query, String id) throws Exception {
        HttpResponse<String> response = null;
        for (int i = 0; i < 120; i++) {
            response = get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            if (response.statusCode() == 200 && response.body().contains("\"" + id + "\"")) {
                return response;
            }
            Thread.sleep(250);
        }
        return response;
    }

    @Test
    void upsertsJsonIdempotentlyAndServesIt() throws Exception {
        HttpResponse<String> first = send("POST", PRODUCTS, "application/json", CATALOGUE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"upserted\":3}");
        assertThat(send("POST", PRODUCTS, "application/json", CATALOGUE).statusCode()).isEqualTo(200);

        HttpResponse<String> one = get(PRODUCTS + "/it-1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"categoryPath\":[\"Sports\",\"Basketball\",\"Shoes\"]")
                .contains("\"color\":\"red\"").contains("\"currency\":\"USD\"");
        HttpResponse<String> sports = get(PRODUCTS + "?category=Sports&size=10");
        assertThat(sports.body()).contains("\"total\":1").contains("it-1");

        HttpResponse<String> chinese = searchUntilFound("购买篮球鞋", "it-2");
        assertThat(chinese.body()).contains("\"id\":\"it-2\"").contains("<em>篮球</em>");
        HttpResponse<String> english = searchUntilFound("basketball shoes", "it-1");
        assertThat(english.body()).contains("\"facets\"").contains("\"tookMs\"");
    }

    @Test
    void uploadsCsvAndDeletesProducts() throws Exception {
        String csv = """
                id,title,description,brand,category_path,price,currency,in_stock,language
                csv-1,Cordless drill,"18V, two batteries",Bosch,Tools > Power Tools,129.00,EUR,true,en
                csv-2,Claw hammer,,Stanley,Tools > Hand Tools,15.5,EUR,false,en
                """;
        HttpResponse<String> response = send("POST", PRODUCTS, "text/csv", csv);
        assertThat(response.body()).isEqualTo("{\"upserted\":2}");
        assertThat(get(PRODUCTS + "/csv-1").body()).contains("\"categoryPath\":[\"Tools\",\"Power Tools\"]")
                .contains("18V, two batteries");
        assertThat(get(PRODUCTS + "?category=Tools&inStock=false").body()).contains("csv-2").doesNotContain("csv-1");

        assertThat(send("DELETE", PRODUCTS + "/csv-2", null, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get(PRODUCTS + "/csv-2");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void listsEveryBadFieldWithItsIndex() throws Exception {
        HttpResponse<String> response = send("POST", PRODUCTS, "application/json",
                "[{\"id\":\"ok-1\",\"title\":\"Fine\",\"inStock\":true},{\"id\":\"bad-1\",\"title\":\"\"},"
                        + "{\"title\":\"no id\",\"price\":-3}]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("[1].title").contains("[2].id").contains("[2].price");
        assertThat(get(PRODUCTS + "/ok-1").statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsMalformedOversizedAndUnsupportedUploads() throws Exception {
        assertThat(send("POST", PRODUCTS, "application/json", "{not json").statusCode()).isEqualTo(400);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",\"title\":\"t\"}");
        }
        HttpResponse<String> tooMany = send("POST", PRODUCTS, "application/json", many.append("]").toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(send("POST", PRODUCTS, "text/plain", "hello").statusCode()).isEqualTo(415);
        assertThat(send("POST", PRODUCTS, "text/csv", "id,title,in_stock\nx,Thing,maybe\n").body())
                .contains("[0].inStock");
    }

    @Test
    void rejectsBadSearchInput() throws Exception {
        assertThat(get("/api/v1/search").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=shoe&minPrice=-1").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=shoe&size=101").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=shoe&sort=cheapest").statusCode()).isEqualTo(400);
        assertThat(get(PRODUCTS + "?size=201").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?category=Nowhere").statusCode()).isEqualTo(200);
    }
}
