package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.LocalDate;
import org.yaml.snakeyaml.LoaderOptions;

/** The one Jackson configuration for every file we read or write: snake_case keys, strict. */
public final class YamlMapper {

  private YamlMapper() {}

  public static ObjectMapper yaml() {
    YAMLFactory factory = new FaithfulYamlFactory(
        YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(STREAM_LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new QuotingChecker())
            ); // not build(): that would make a plain YAMLFactory
    return configure(YAMLMapper.builder(factory).disable(MapperFeature.AUTO_DETECT_IS_GETTERS).build());
  }

  public static ObjectMapper json() {
    return configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(STREAM_LIMITS).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS).build());
  }

  /**
   * The parser's own limits, a backstop behind {@link ReadLimits} (which the reader checks first,
   * with friendlier messages): no file we read comes near them.
   */
  private static final StreamReadConstraints STREAM_LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(64)
      .maxStringLength(1_000_000)
      .maxNumberLength(100)
      .maxNameLength(1_000)
      .build();

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(8 * 1024 * 1024);
    return options;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    SimpleModule module = new SimpleModule("rdp-doctor");
    mapper.registerModule(new SimpleModule("rdp-doctor-enums") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
          @Override
          public JsonDeserializer<?> findEnumDeserializer(
              Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
            return new SpelledEnumDeserializer(type);
          }
        });
      }
    });
    module.addDeserializer(LocalDate.class, new DateDeserializer());
    module.addDeserializer(Long.class, NumberDeserializer.whole());
    module.addDeserializer(Double.class, NumberDeserializer.decimal());
    module.addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate.class));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Enum<?>> enumType = (Class) Enum.class;
    module.addSerializer(enumType, new JsonSerializer<Enum<?>>() {
      @Override
      public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        gen.writeString(Spelled.spelling(value));
      }

      @Override
      public Class<Enum<?>> handledType() {
        return enumType;
      }
    });
    mapper.registerModule(module);
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    private final Class<T> type;

    ToStringSerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }

    @Override
    public Class<T> handledType() {
      return type;
    }
  }

  static JavaType typeOf(ObjectMapper mapper, Class<?> type) {
    return mapper.constructType(type);
  }
}
