package io.shiporskip.api.platform;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place a write route takes its rate limit: each call spends one token of the allowance before the method
 * runs ({@link WriteLimitInterceptor}: 429 problem with {@code Retry-After} and {@code RateLimit-*} when it is spent,
 * {@code RateLimit-*} on the 2xx answer), and {@link OpenApiContract} documents exactly the routes that carry it.
 * For resource methods that return {@code Uni}.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WriteLimited {

    /** Which allowance the call spends. */
    @Nonbinding
    Allowance value() default Allowance.WRITES;
}
