package io.shiporskip.badge.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Registered for every {@code @QuarkusTest} through META-INF/services: installs {@link ContractValidation} as a
 * global REST Assured filter, so each request a test sends and each response it gets is checked against
 * badge-service's own /q/openapi, and relaxes the request check for tests marked {@link InvalidRequests}.
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(ContractValidation.FILTER);
        }
        InvalidRequests marked = context.getTestMethod().getAnnotation(InvalidRequests.class);
        if (marked == null) {
            marked = context.getTestInstance().getClass().getAnnotation(InvalidRequests.class);
        }
        ContractValidation.FILTER.relaxRequests(marked != null);
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ContractValidation.FILTER.relaxRequests(false);
    }
}
