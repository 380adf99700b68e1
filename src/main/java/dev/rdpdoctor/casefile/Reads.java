package dev.rdpdoctor.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a fact's helper method that rules may call ({@code WindowsEvent(mentions("0x8009030D"))}):
 * the fields it reads, so the trace can quote them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reads {
  String[] value();
}
