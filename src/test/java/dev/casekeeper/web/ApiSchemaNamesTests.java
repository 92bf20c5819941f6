package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * springdoc names a schema after its type's simple name and keeps one per name: two API types named
 * alike in different packages (two {@code FieldResponse}s) left one of them described as the other
 * in the OpenAPI document. Every type a JSON endpoint reads or answers, and every type inside those,
 * has a name of its own.
 */
class ApiSchemaNamesTests {

    @Test
    void everyTypeTheApiReadsOrAnswersHasANameOfItsOwn() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        var seen = new HashSet<Class<?>>();
        for (var candidate : scanner.findCandidateComponents("dev.casekeeper")) {
            var controller =
                    ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                collect(method.getGenericReturnType(), seen);
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        collect(parameter.getParameterizedType(), seen);
                    }
                }
            }
        }
        Map<String, Set<String>> byName = new TreeMap<>();
        // Enums are written out where they are used, not as schemas of their own.
        seen.stream()
                .filter(type -> !type.isEnum())
                .forEach(type -> byName.computeIfAbsent(type.getSimpleName(), n -> new TreeSet<>())
                        .add(type.getName()));
        byName.values().removeIf(types -> types.size() == 1);

        assertThat(byName).as("API types sharing a schema name").isEmpty();
    }

    /** The application's own types in {@code type}, its type arguments and its records' components. */
    private static void collect(Type type, Set<Class<?>> seen) {
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), seen);
            case Class<?> c -> {
                if (c.getName().startsWith("dev.casekeeper.") && seen.add(c) && c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        collect(component.getGenericType(), seen);
                    }
                }
            }
            case ParameterizedType p -> {
                collect(p.getRawType(), seen);
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, seen);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), seen);
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    collect(bound, seen);
                }
            }
            default -> {}
        }
    }
}
