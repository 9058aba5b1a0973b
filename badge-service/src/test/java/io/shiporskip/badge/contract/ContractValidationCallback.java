package io.shiporskip.badge.contract;

import io.shiporskip.testing.contract.ContractTestCallback;
import io.shiporskip.testing.contract.ContractValidation;
import io.shiporskip.testing.contract.ContractValidation.UnknownPaths;

/**
 * Registered for every {@code @QuarkusTest} through META-INF/services: every request a test sends and every response
 * it gets is checked against badge-service's own /q/openapi by test-support's {@link ContractValidation}, the filter
 * api's tests use too. badge-service's own part: the dashboard's static files ({@code /makers/assets/}) are no
 * operations; {@link InvalidRequests} relaxes the request check; and a path made malformed on purpose
 * ({@code //evil.example}) that a route still claims may answer any client error in such a test.
 */
public class ContractValidationCallback extends ContractTestCallback {

    private static final ContractValidation FILTER =
            new ContractValidation(UnknownPaths.ANY_CLIENT_ERROR_WHEN_RELAXED, "/makers/assets/");

    public ContractValidationCallback() {
        super(FILTER, InvalidRequests.class);
    }
}
