using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Minimal type registrar so commands receive the injected console (tests capture output).</summary>
public sealed class ConsoleRegistrar(IAnsiConsole console) : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = new() { [typeof(IAnsiConsole)] = () => console };

    public ITypeResolver Build() => new Resolver(_factories);

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _factories[service] = factory;

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => _factories.TryGetValue(p.ParameterType, out var f) ? f() : null).ToArray();
        return ctor.Invoke(args);
    }

    private sealed class Resolver(Dictionary<Type, Func<object>> factories) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null) return null;
            if (factories.TryGetValue(type, out var f)) return f();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                // every registered implementation of T (at most one here: the command interceptor), else none
                var element = type.GetGenericArguments()[0];
                var all = Array.CreateInstance(element, factories.ContainsKey(element) ? 1 : 0);
                if (all.Length == 1) all.SetValue(factories[element](), 0);
                return all;
            }
            if (type.IsInterface || type.IsAbstract) return null;
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (ctor is null) return Activator.CreateInstance(type);
            var args = ctor.GetParameters().Select(p => factories.TryGetValue(p.ParameterType, out var g) ? g() : null).ToArray();
            return ctor.Invoke(args);
        }
    }
}
