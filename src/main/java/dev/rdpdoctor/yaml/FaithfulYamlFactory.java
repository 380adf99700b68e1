package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Jackson's YAML, with one change to what it writes: with minimal quoting Jackson writes every
 * string with a line break as a literal block ({@code |-}), and a literal block does not give back
 * a carriage return, the other YAML 1.1 line breaks (NEL, LS, PS) or control characters as they
 * were: a reader turns them into plain line breaks. Such a string is written double-quoted,
 * with escapes, instead. Together with {@link QuotingChecker}, any string a server or a user
 * gave reads back exactly as it was.
 */
final class FaithfulYamlFactory extends YAMLFactory {

  private static final long serialVersionUID = 1L;

  FaithfulYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private FaithfulYamlFactory(FaithfulYamlFactory source) {
    super(source, null);
  }

  @Override
  public YAMLFactory copy() {
    return new FaithfulYamlFactory(this);
  }

  @Override
  protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
    if (_dumperOptions != null) {
      throw new IllegalStateException("set no DumperOptions: they would bypass the quoting");
    }
    return new Generator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, _version);
  }

  private static final class Generator extends YAMLGenerator {

    Generator(IOContext ctxt, int jsonFeatures, int yamlFeatures, StringQuotingChecker quoting, ObjectCodec codec,
        Writer out, DumperOptions.Version version) throws IOException {
      super(ctxt, jsonFeatures, yamlFeatures, quoting, codec, out, version);
    }

    @Override
    public void writeString(String text) throws IOException {
      if (text != null && text.indexOf('\n') >= 0 && QuotingChecker.hasSpecialCharacter(text.replace("\n", ""))) {
        _verifyValueWrite("write String value");
        _writeScalar(text, "string", DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        return;
      }
      super.writeString(text);
    }
  }
}
