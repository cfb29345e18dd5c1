package com.kairos.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the string constants ({@code CONSTANT_String} entries) of a compiled class, so that a rule
 * can see every literal the class holds, including the ones javac inlines from other classes.
 */
final class DomainStringConstants {
  /** What a JSON field name (or a snake_case wire code) looks like, alone or inside a text. */
  static final Pattern SNAKE_CASE = Pattern.compile("(?<![A-Za-z0-9_])[a-z][a-z0-9]*_[a-z0-9_]+");

  private DomainStringConstants() {}

  /**
   * A class holds no string constant that is or contains something like a JSON field name: neither
   * a name alone nor one inside a message (a message built by concatenation is a constant too: the
   * compiler's concatenation recipe).
   */
  static ArchCondition<JavaClass> holdNoSnakeCaseConstant() {
    return holdNo("snake_case word in any string constant (a JSON field name)", c -> true);
  }

  /**
   * As {@link #holdNoSnakeCaseConstant}, for texts only: a constant that is one snake_case token
   * alone (a structured log key, a provider's reason code) and a log line's format (with {@code {}}
   * placeholders, whose keys are the log's own vocabulary) are let through.
   */
  static ArchCondition<JavaClass> holdNoSnakeCaseInMessages() {
    return holdNo(
        "snake_case word inside a message (a JSON field name)",
        c -> !c.contains("{}") && !SNAKE_CASE.matcher(c).matches());
  }

  private static ArchCondition<JavaClass> holdNo(String description, Predicate<String> checked) {
    return new ArchCondition<>("hold no " + description) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        Set<String> found = snakeCaseConstants(javaClass, checked);
        if (!found.isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass, javaClass.getName() + " holds JSON-like names in " + found));
        }
      }
    };
  }

  static Set<String> snakeCaseConstants(JavaClass javaClass, Predicate<String> checked) {
    Set<String> found = new TreeSet<>();
    for (String constant : of(javaClass)) {
      if (checked.test(constant) && SNAKE_CASE.matcher(constant).find()) {
        found.add(constant);
      }
    }
    return found;
  }

  static List<String> of(JavaClass javaClass) {
    String resource = "/" + javaClass.getName().replace('.', '/') + ".class";
    try (InputStream in = javaClass.reflect().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no class file for " + javaClass.getName());
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVMS §4.4 constant pool, walked far enough to resolve its string entries. */
  static List<String> parse(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> strings.add(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> result = new ArrayList<>();
    strings.forEach(index -> result.add(utf8[index]));
    return result;
  }
}
