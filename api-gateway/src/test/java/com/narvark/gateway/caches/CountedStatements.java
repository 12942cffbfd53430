package com.narvark.gateway.caches;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Records every statement a node executes through its data source, with the executing thread's name: a node
 * started with {@code spring.main.sources} naming this class wraps its {@code DataSource} bean in JDK proxies
 * (data source, connection, statement), nothing else changes. Executions are counted, not preparations.
 */
public class CountedStatements implements BeanPostProcessor {

    private final Queue<Executed> executed = new ConcurrentLinkedQueue<>();

    public static CountedStatements of(ConfigurableApplicationContext node) {
        return node.getBean(CountedStatements.class);
    }

    public record Executed(String thread, String sql) {
    }

    public void reset() {
        executed.clear();
    }

    public List<Executed> executed() {
        return List.copyOf(executed);
    }

    public long count(Predicate<String> sql) {
        return executed.stream().filter(e -> sql.test(e.sql())).count();
    }

    /** Statements by their first line, most frequent first: what the test prints for the record. */
    public Map<String, Long> byStatement(Predicate<Executed> which) {
        return executed.stream().filter(which)
                .collect(Collectors.groupingBy(e -> e.sql().strip().lines().findFirst().orElse("").strip(),
                        Collectors.counting()));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
                String prepared = method.getName().startsWith("prepare") && args != null && args.length > 0
                        && args[0] instanceof String sql ? sql : null;
                Class<? extends Statement> type = method.getName().equals("prepareCall")
                        ? java.sql.CallableStatement.class : method.getName().equals("prepareStatement")
                        ? java.sql.PreparedStatement.class : Statement.class;
                return statement(type, statement, prepared);
            }
            return result;
        });
    }

    private Statement statement(Class<? extends Statement> type, Statement statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                executed.add(new Executed(Thread.currentThread().getName(), sql == null ? "?" : sql));
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<? extends T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (self, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(CountedStatements.class.getClassLoader(), new Class<?>[] {type},
                invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
