package io.shiporskip.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.lang.annotation.Annotation;

/**
 * Installs a service's {@link ContractValidation} as a global REST Assured filter before every {@code @QuarkusTest}
 * method, so each request a test sends and each response it gets is checked against the service's own /q/openapi,
 * and relaxes the request check for tests marked with the service's "invalid requests on purpose" annotation (on the
 * method or its class). Each service registers its subclass through META-INF/services
 * ({@code io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback} and {@code …AfterEachCallback}).
 */
public abstract class ContractTestCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    private final ContractValidation filter;
    private final Class<? extends Annotation> invalidRequests;

    protected ContractTestCallback(ContractValidation filter, Class<? extends Annotation> invalidRequests) {
        this.filter = filter;
        this.invalidRequests = invalidRequests;
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean marked = context.getTestMethod().isAnnotationPresent(invalidRequests)
                || context.getTestInstance().getClass().isAnnotationPresent(invalidRequests);
        installed().relaxRequests(marked);
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        installed().relaxRequests(false);
    }

    /** The filter REST Assured runs: once installed (REST Assured's filters are global), it stays. */
    private ContractValidation installed() {
        return RestAssured.filters().stream().filter(ContractValidation.class::isInstance)
                .map(ContractValidation.class::cast).findFirst().orElseGet(() -> {
                    RestAssured.filters(filter);
                    return filter;
                });
    }
}
