package dev.rdpdoctor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs a program from the operating system's packages (xrdp, tmux, a browser).
 * Such tests run only with the Maven profile {@code -Psystem-packages}, which {@code .ci/run}
 * enables after installing the packages; there they fail, saying how to install it, when a
 * package is missing. Without the profile, {@code mvn -B verify} needs only Java and Maven.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsSystemPackages.TAG)
public @interface NeedsSystemPackages {
  String TAG = "system-packages";
}
