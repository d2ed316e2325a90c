package dev.jworkers.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads configuration files: {@code .toml} as TOML, anything else as JSONC (JSON with comments
 * and trailing commas, as wrangler accepts it). A key given twice is an error, not a silent override.
 */
final class ConfigFiles {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper TOML = new TomlMapper();

    private ConfigFiles() {}

    /** The file's top-level object; every failure names the file. */
    static JsonNode readObject(Path file) throws ConfigException {
        String where = file.toString();
        boolean toml = file.getFileName().toString().endsWith(".toml");
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = toml ? TOML.readTree(text) : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": not valid " + (toml ? "TOML" : "JSON") + ": "
                    + e.getOriginalMessage() + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new ConfigException(where + ": expected an object at the top level");
        return root;
    }
}
