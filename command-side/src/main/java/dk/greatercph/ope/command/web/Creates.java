package dk.greatercph.ope.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command endpoint that answers 201 Created with the new resource in {@code Location} and its version in
 * {@code ETag}: the OpenAPI document says so, where it had described the 200 the return type suggests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Creates {
}
