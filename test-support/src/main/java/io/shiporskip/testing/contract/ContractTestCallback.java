package io.shiporskip.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The filter REST Assured runs: once installed (REST Assured's filters are global), it stays. Each application
     * start (a test resource or profile of its own) loads this class again with a filter of its own, while REST
     * Assured's filter list may outlive it: the filter an earlier start installed goes, or its stale state (a strict
     * request check in a test marked as sending invalid requests) would go on judging the new start's requests.
     */
    private ContractValidation installed() {
        List<Filter> current = RestAssured.filters();
        if (!current.contains(filter)) {
            List<Filter> kept = new ArrayList<>(current.stream()
                    .filter(f -> !f.getClass().getName().equals(ContractValidation.class.getName())).toList());
            kept.add(filter);
            RestAssured.replaceFiltersWith(kept);
        }
        return filter;
    }
}
