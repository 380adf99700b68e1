package dev.rdpdoctor.yaml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a number key allows, both ends included, declared on the key itself
 * ({@code @Range(min = 1, max = 65535) Long port}). The reader refuses a value outside it with a
 * located error that names the range.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Range {

  double min();

  double max();
}
