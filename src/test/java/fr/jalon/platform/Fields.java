package fr.jalon.platform;

import java.lang.reflect.Field;

/**
 * Sets a private field for a test: what the container injects ({@code em}) or the database assigns
 * ({@code id}) on objects built outside it. The field is looked up on the object's class and its
 * superclasses.
 */
public final class Fields {
  private Fields() {}

  /** Sets {@code name} on {@code target} to {@code value}; returns {@code target}. */
  public static <T> T set(T target, String name, Object value) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
        return target;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("Pas de champ « " + name + " » dans " + target.getClass().getName());
  }
}
