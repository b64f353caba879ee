package dev.aisle.common.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.aisle.common.product.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProductFilesTests {

    @TempDir
    Path dir;

    @Test
    void readsCsvWithCategoryPathsBooleansAndExtraColumnsAsAttributes() throws IOException {
        List<Product> products = ProductFiles.read(TestFiles.resource("products.csv"));

        assertThat(products).hasSize(3);
        Product shoe = products.get(0);
        assertThat(shoe.description()).isEqualTo("Cushioned, light");
        assertThat(shoe.categoryPath()).containsExactly("Sports", "Basketball", "Shoes");
        assertThat(shoe.price()).isEqualByComparingTo("89.99");
        assertThat(shoe.currency()).isEqualTo("USD");
        assertThat(shoe.attributes()).containsExactly(java.util.Map.entry("color", "red"));
        assertThat(products.get(1).title()).isEqualTo("耐克 男子篮球鞋");
        assertThat(products.get(1).inStock()).isFalse();
        assertThat(products.get(1).attributes()).isEmpty();
        assertThat(products.get(2).inStock()).isTrue();
        assertThat(products.get(2).price()).isNull();
    }

    @Test
    void readsAJsonArray() throws IOException {
        List<Product> products = ProductFiles.read(TestFiles.resource("products.json"));

        assertThat(products).extracting(Product::id).containsExactly("p-1", "p-2");
        assertThat(products.get(0).createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(products.get(1).inStock()).isTrue();
        assertThat(products.get(1).price()).isEqualByComparingTo(new BigDecimal("49"));
    }

    @Test
    void readsNdjson() throws IOException {
        List<Product> products = ProductFiles.read(TestFiles.resource("products.ndjson"));

        assertThat(products).extracting(Product::inStock).containsExactly(true, false);
    }

    @Test
    void readsNdjsonSavedAsJson() throws IOException {
        Path file = TestFiles.write(dir, "p.json", "{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\",\"title\":\"B\"}\n");

        assertThat(ProductFiles.read(file)).extracting(Product::id).containsExactly("a", "b");
    }

    @Test
    void reportsTheLineOfAMalformedCsvRow() throws IOException {
        Path price = TestFiles.write(dir, "a.csv", "id,title,price\np,P,1\nq,Q,cheap\n");
        Path noTitle = TestFiles.write(dir, "b.csv", "id,title\np,\n");
        Path stock = TestFiles.write(dir, "c.csv", "id,title,in_stock\np,P,maybe\n");
        Path header = TestFiles.write(dir, "d.csv", "sku,name\np,P\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(price))
                .withMessage(price + ":3: price is not a number: 'cheap'");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(noTitle))
                .withMessage(noTitle + ":2: title is missing");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(stock))
                .withMessage(stock + ":2: in_stock is not a boolean: 'maybe'");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(header))
                .withMessage(header + ":1: header must name the columns id and title");
    }

    @Test
    void reportsTheLineOfBadJson() throws IOException {
        Path ndjson = TestFiles.write(dir, "p.ndjson", "{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\",\n");
        Path array = TestFiles.write(dir, "p.json", "[\n{\"id\":\"a\",\"title\":\"A\"},\n{\"id\":\"b\",\"price\":\"x\"}\n]");
        Path negative = TestFiles.write(dir, "n.ndjson", "{\"id\":\"a\",\"title\":\"A\",\"price\":-1}\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(ndjson))
                .withMessageStartingWith(ndjson + ":2: invalid JSON");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(array))
                .withMessageStartingWith(array + ":3: invalid JSON");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(negative))
                .withMessage(negative + ":1: price is negative");
    }

    @Test
    void reportsTheStartingLineOfAnInvalidRecordInAJsonArray() throws IOException {
        Path file = TestFiles.write(dir, "p.json", "[\n{\"id\":\"a\",\"title\":\"A\"},\n{\"id\":\"b\",\n\"price\":-2}\n]");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(file))
                .withMessage(file + ":3: title is missing");
    }

    @Test
    void reportsABlankLineInsideCsvData() throws IOException {
        Path file = TestFiles.write(dir, "p.csv", "id,title\np,P\n\nq,Q\n\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> ProductFiles.read(file))
                .withMessage(file + ":3: blank line inside the data");
    }

    @Test
    void ignoresBlankLinesAtTheEndOfCsv() throws IOException {
        Path file = TestFiles.write(dir, "p.csv", "id,title\np,P\n\n\n");

        assertThat(ProductFiles.read(file)).extracting(Product::id).containsExactly("p");
    }

    @Test
    void rejectsUnknownExtensions() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProductFiles.read(dir.resolve("p.xml")))
                .withMessageContaining(".csv");
    }
}
