package dev.aisle.behavior.prediction;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The prediction API: next items and purchase probability for a session. */
@RestController
@RequestMapping("/api/v1/predictions")
class PredictionController {

    private final PredictionService predictions;

    PredictionController(PredictionService predictions) {
        this.predictions = predictions;
    }

    /** The top n next items for a session given by its item ids or its id. */
    @PostMapping("/next-items")
    NextItemsResponse nextItems(@Valid @RequestBody NextItemsRequest request) {
        return predictions.nextItems(request);
    }

    /** The probability that a session, given by its id or its events, ends in a purchase. */
    @PostMapping("/purchase-probability")
    PurchaseProbabilityResponse purchaseProbability(@Valid @RequestBody PurchaseProbabilityRequest request) {
        return predictions.purchaseProbability(request);
    }
}
