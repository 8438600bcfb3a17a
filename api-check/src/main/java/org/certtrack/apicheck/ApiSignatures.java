package org.certtrack.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a jar (or a classes directory) as text, one type per block, the way Kotlin's
 * binary-compatibility-validator writes its {@code .api} files: every public or protected type outside the
 * {@code internal} packages (and the generated JPA metamodel), and each of its public and protected constructors, methods and fields, with
 * their generic types. Two jars with the same text offer callers the same types and members.
 */
public final class ApiSignatures {

    private ApiSignatures() {
    }

    /**
     * The API text of the classes under {@code location} (a jar or a directory), loaded, without being
     * initialised, through {@code loader}.
     */
    public static String of(Path location, ClassLoader loader) {
        if (Files.isDirectory(location)) {
            return ofRoot(location, loader);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return ofRoot(jar.getPath("/"), loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + location, e);
        }
    }

    private static String ofRoot(Path root, ClassLoader loader) {
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("META-INF/"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
                    .filter(ApiSignatures::inPublicPackage)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Could not load " + name + " to read its API", e);
            }
            if (visible(type)) {
                text.append(describe(type));
            }
        }
        return text.toString();
    }

    /** Whether a class of this name is in a package that is API: every package but {@code ...internal...}. */
    static boolean inPublicPackage(String className) {
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        return !Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    /** Whether code in another package can name {@code type}: public or protected, and so is every enclosing type. */
    private static boolean visible(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || generatedMetamodel(type)) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            int modifiers = t.getModifiers();
            if (!Modifier.isPublic(modifiers) && !(t.getDeclaringClass() != null && Modifier.isProtected(modifiers))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code type} is a JPA static metamodel class ({@code Engineer_}) that Hibernate Processor
     * generates from the mappings: it follows the entities, whose own API is checked, and lists the named
     * queries, which are not API.
     */
    private static boolean generatedMetamodel(Class<?> type) {
        return Arrays.stream(type.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getName().equals("jakarta.persistence.metamodel.StaticMetamodel"));
    }

    private static boolean visible(Member member) {
        return !member.isSynthetic() && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
    }

    private static String describe(Class<?> type) {
        StringBuilder block = new StringBuilder();
        block.append(deprecated(type)).append(typeModifiers(type)).append(kind(type)).append(' ').append(type.getName())
                .append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !type.isEnum() && !type.isRecord() && superclass != Object.class) {
            block.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            block.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            block.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        block.append('\n');
        List<String> members = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                members.add(deprecated(field) + memberModifiers(field.getModifiers(), false) + field.getGenericType().getTypeName()
                        + ' ' + field.getName());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor)) {
                members.add(deprecated(constructor) + memberModifiers(constructor.getModifiers(), false)
                        + typeParameters(constructor.getTypeParameters()) + "<init>" + parameters(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isBridge()) {
                String modifiers = memberModifiers(method.getModifiers(), method.isDefault());
                String typeParameters = typeParameters(method.getTypeParameters());
                members.add(deprecated(method) + modifiers + (typeParameters.isEmpty() ? "" : typeParameters + " ")
                        + method.getGenericReturnType().getTypeName() + ' ' + method.getName() + parameters(method));
            }
        }
        members.sort(Comparator.naturalOrder());
        members.forEach(member -> block.append("    ").append(member).append('\n'));
        return block.append('\n').toString();
    }

    private static String deprecated(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return type.isRecord() ? "record" : "class";
    }

    private static String typeModifiers(Class<?> type) {
        int modifiers = type.getModifiers();
        StringBuilder text = new StringBuilder(Modifier.isPublic(modifiers) ? "public " : "protected ");
        if (type.getDeclaringClass() != null && Modifier.isStatic(modifiers) && !type.isInterface() && !type.isEnum()
                && !type.isRecord()) {
            text.append("static ");
        }
        if (Modifier.isAbstract(modifiers) && !type.isInterface()) {
            text.append("abstract ");
        }
        if (Modifier.isFinal(modifiers) && !type.isEnum() && !type.isRecord()) {
            text.append("final ");
        }
        if (type.isSealed()) {
            text.append("sealed ");
        }
        return text.toString();
    }

    private static String memberModifiers(int modifiers, boolean isDefault) {
        StringBuilder text = new StringBuilder(Modifier.isPublic(modifiers) ? "public " : "protected ");
        if (Modifier.isStatic(modifiers)) {
            text.append("static ");
        }
        if (Modifier.isAbstract(modifiers)) {
            text.append("abstract ");
        }
        if (isDefault) {
            text.append("default ");
        }
        if (Modifier.isFinal(modifiers)) {
            text.append("final ");
        }
        return text.toString();
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(variable -> {
            Type[] bounds = variable.getBounds();
            boolean onlyObject = bounds.length == 1 && bounds[0] == Object.class;
            return onlyObject ? variable.getName() : variable.getName() + " extends "
                    + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String parameters(Executable executable) {
        String parameters = Arrays.stream(executable.getGenericParameterTypes()).map(Type::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
        Type[] exceptions = executable.getGenericExceptionTypes();
        if (exceptions.length == 0) {
            return parameters;
        }
        return parameters + " throws " + Arrays.stream(exceptions).map(Type::getTypeName).sorted()
                .collect(Collectors.joining(", "));
    }
}
