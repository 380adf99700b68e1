package dev.rdpdoctor.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the commands and their mixins for picocli: those with a constructor that takes the
 * {@link CommandContext} get it; everything else is made as picocli would.
 */
final class CommandFactory implements IFactory {

  private final CommandContext context;

  CommandFactory(CommandContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withContext;
    try {
      withContext = type.getDeclaredConstructor(CommandContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    return withContext.newInstance(context);
  }
}
