package seqpool.sequencer.rpc.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for untrusted input: UTF-8 only (malformed bytes are an error), no comments, no trailing
 * commas, no duplicate member names, control characters only escaped, one value with nothing but whitespace after it,
 * and nesting at most {@code maxDepth} deep (so recursion stays bounded). The size of the input is bounded by the
 * caller (the transport's body and frame limits).
 */
public final class JsonParser {
    public static final int DEFAULT_MAX_DEPTH = 64;

    private final String in;
    private final int maxDepth;
    private int pos;

    private JsonParser(String in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
    }

    public static Json parse(byte[] utf8) throws JsonParseException {
        return parse(utf8, DEFAULT_MAX_DEPTH);
    }

    public static Json parse(byte[] utf8, int maxDepth) throws JsonParseException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonParseException("invalid UTF-8");
        }
        return parse(text, maxDepth);
    }

    public static Json parse(String text, int maxDepth) throws JsonParseException {
        JsonParser p = new JsonParser(text, maxDepth);
        p.skipWhitespace();
        Json v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected data after the value");
        }
        return v;
    }

    static boolean isNumber(String s) {
        JsonParser p = new JsonParser(s, 1);
        try {
            p.number();
            return p.pos == s.length();
        } catch (JsonParseException e) {
            return false;
        }
    }

    private Json value(int depth) throws JsonParseException {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return new Json.Str(string());
            case 't':
                literal("true");
                return Json.TRUE;
            case 'f':
                literal("false");
                return Json.FALSE;
            case 'n':
                literal("null");
                return Json.NULL;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return new Json.Num(number());
                }
                throw error("unexpected character " + describe(c));
        }
    }

    private Json.Obj object(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++; // {
        Map<String, Json> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Json.Obj(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int at = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Json v = value(depth);
            if (members.putIfAbsent(key, v) != null) {
                pos = at;
                throw error("duplicate member name \"" + abbreviate(key) + "\"");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new Json.Obj(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Json.Arr array(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++; // [
        List<Json> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Json.Arr(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Json.Arr(items);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws JsonParseException {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                String s = sb == null ? in.substring(start, pos) : sb.append(in, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(in, start, pos);
                pos++;
                sb.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() throws JsonParseException {
        if (pos >= in.length()) {
            throw error("unterminated escape");
        }
        char e = in.charAt(pos++);
        switch (e) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > in.length()) {
                    throw error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(in.charAt(pos + i), 16);
                    if (d < 0) {
                        throw error("invalid \\u escape");
                    }
                    v = v << 4 | d;
                }
                pos += 4;
                return (char) v;
            default:
                pos--;
                throw error("invalid escape \\" + describe(e));
        }
    }

    private String number() throws JsonParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek()) ) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digits must follow '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digits must follow the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return in.substring(start, pos);
    }

    private void literal(String word) throws JsonParseException {
        if (!in.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void expect(char c) throws JsonParseException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void checkDepth(int depth) throws JsonParseException {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth);
        }
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonParseException error(String what) {
        return new JsonParseException(what + " at offset " + pos);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
