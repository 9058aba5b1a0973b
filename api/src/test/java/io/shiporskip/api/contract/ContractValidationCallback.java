package io.shiporskip.api.contract;

import io.shiporskip.testing.contract.ContractTestCallback;
import io.shiporskip.testing.contract.ContractValidation;
import io.shiporskip.testing.contract.ContractValidation.UnknownPaths;

/**
 * Registered for every {@code @QuarkusTest} through META-INF/services: every request a test sends and every response
 * it gets is checked against the api's own /q/openapi by test-support's {@link ContractValidation}, the filter
 * badge-service's tests use too. The api's own part: its static files ({@code /assets/}) are no operations, a path the
 * document does not have must answer 404 or 405, and {@link InvalidRequests} relaxes the request check.
 */
public class ContractValidationCallback extends ContractTestCallback {

    private static final ContractValidation FILTER =
            new ContractValidation(UnknownPaths.NOT_FOUND_OR_NOT_ALLOWED, "/assets/");

    public ContractValidationCallback() {
        super(FILTER, InvalidRequests.class);
    }
}
