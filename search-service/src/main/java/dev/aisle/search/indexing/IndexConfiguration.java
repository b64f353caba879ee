package dev.aisle.search.indexing;

import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductSuggester;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The index, its analyzers and the suggester as beans. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    ProductAnalyzers productAnalyzers(IndexProperties properties) {
        String location = properties.synonyms();
        Resource synonyms = location.contains(":") ? new DefaultResourceLoader().getResource(location)
                : new FileSystemResource(location);
        if (!synonyms.exists()) {
            throw new IllegalStateException("synonym file not found: " + properties.synonyms());
        }
        try (Reader reader = new InputStreamReader(synonyms.getInputStream(), StandardCharsets.UTF_8)) {
            return new ProductAnalyzers(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean(destroyMethod = "close")
    ProductIndex productIndex(IndexProperties properties, ProductAnalyzers analyzers) throws IOException {
        Path dir = Path.of(properties.indexDir());
        Files.createDirectories(dir);
        return ProductIndex.open(dir, analyzers, properties.settings());
    }

    @Bean(destroyMethod = "close")
    ProductSuggester productSuggester(ProductAnalyzers analyzers) {
        return new ProductSuggester(analyzers);
    }
}
