package dev.rdpdoctor.serve;

import dev.rdpdoctor.problem.ControlCharacters;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;

/**
 * The pages' templates ({@code src/main/jte}, compiled to classes at build time), rendered with
 * HTML escaping of every value; besides, the characters a terminal would act on (controls, bidi
 * overrides) are shown as the escapes the command line shows ({@code \u202e}), so a right-to-left
 * override in a case cannot make a page read differently from what it says.
 */
final class Templates {

  static final String PACKAGE = "dev.rdpdoctor.serve.pages";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  /** The page {@code name}.jte made from its one parameter. */
  String render(String name, Object view) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(name + ".jte", view, new VisibleControls(out));
    return out.toString();
  }

  /** HTML output whose values have the characters a terminal acts on escaped, as on the command line. */
  private static final class VisibleControls extends OwaspHtmlTemplateOutput {

    VisibleControls(StringOutput out) {
      super(out);
    }

    @Override
    public void writeUserContent(String value) {
      super.writeUserContent(value == null ? null : ControlCharacters.escaped(value));
    }
  }
}
