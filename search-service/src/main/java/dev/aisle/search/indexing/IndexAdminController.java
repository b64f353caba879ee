package dev.aisle.search.indexing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API of the index: start a full rebuild from the catalogue, watch its progress. */
@RestController
@RequestMapping("/api/v1/search/admin")
class IndexAdminController {

    private final CatalogIndexer indexer;

    IndexAdminController(CatalogIndexer indexer) {
        this.indexer = indexer;
    }

    @PostMapping("/reindex")
    ResponseEntity<CatalogIndexer.RebuildStatus> reindex() {
        boolean started = indexer.startRebuild();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(indexer.status());
    }

    @GetMapping("/reindex")
    CatalogIndexer.RebuildStatus status() {
        return indexer.status();
    }
}
