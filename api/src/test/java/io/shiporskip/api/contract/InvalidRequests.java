package io.shiporskip.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method or class that deliberately sends requests the OpenAPI document does not allow (a missing token,
 * a malformed body, an out-of-range parameter, an unknown path): the contract validation
 * ({@link ContractValidationCallback}, test-support's filter) then ignores what is wrong with the request (some of
 * those the api accepts: it is lenient, the document says what clients should send). The response is still validated,
 * so the error answer must be the documented one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InvalidRequests {

    /** What the test sends that the document does not allow. */
    String value();
}
