// The rules every service proxy follows (README, "One shape for every service"), checked on type
// declarations with the TypeScript compiler: each public method of each exported `*Proxy` class.
import ts from 'typescript';

export interface Violation {
  proxy: string;
  method: string;
  rule: string;
}

/** Members every proxy inherits from the shared base classes; they follow the base's own shape. */
const BASE = new Set(['request', 'endpoint', 'microversion', 'microversionRange', 'session', 'descriptor', 'serviceName']);
const VERBS = /^(get|find|create|update|delete|waitFor|download|upload|add|remove|set|clear|has|list)[A-Z]/;

/** Every rule broken by a public method of a `*Proxy` class exported from `entry` (a .d.ts or .ts file). */
export function shapeViolations(entry: string): { proxies: string[]; methods: number; violations: Violation[] } {
  const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} exports nothing`);

  const violations: Violation[] = [];
  const proxies: string[] = [];
  let methods = 0;

  const isString = (t: ts.Type) => (t.flags & ts.TypeFlags.StringLike) !== 0 || (t.isUnion() && t.types.some(isString));
  const has = (t: ts.Type, name: string) => !!checker.getPropertyOfType(checker.getNonNullableType(t), name);
  const acceptsProp = (t: ts.Type, name: string) => {
    const nn = checker.getNonNullableType(t);
    if (nn.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    const parts = nn.isUnion() ? nn.types : [nn];
    return parts.some((p) => !!checker.getPropertyOfType(p, name) || !!checker.getIndexInfoOfType(p, ts.IndexKind.String));
  };

  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    if (!(sym.flags & ts.SymbolFlags.Class) || !/Proxy$/.test(sym.name) || sym.name === 'ServiceProxy') continue;
    proxies.push(sym.name);
    const instance = checker.getDeclaredTypeOfSymbol(sym);
    for (const prop of checker.getPropertiesOfType(instance)) {
      const name = prop.name;
      if (BASE.has(name) || name.startsWith('_') || name.startsWith('#')) continue;
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const mods = decl ? ts.getCombinedModifierFlags(decl as ts.Declaration) : 0;
      if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      const type = checker.getTypeOfSymbol(prop);
      const sigs = type.getCallSignatures().filter((s) => !s.getJsDocTags().some((t) => t.name === 'deprecated'));
      if (!sigs.length) continue;
      if (prop.getJsDocTags(checker).some((t) => t.name === 'deprecated')) continue;
      methods++;
      const broken = (rule: string) => violations.push({ proxy: sym.name, method: name, rule });
      const sig = sigs[sigs.length - 1]!;
      const params = sig.getParameters();
      const paramType = (i: number) => checker.getTypeOfSymbol(params[i]!);
      const optional = (i: number) => {
        const d = params[i]!.valueDeclaration as ts.ParameterDeclaration | undefined;
        return !!d && (!!d.questionToken || !!d.initializer || !!d.dotDotDotToken);
      };
      const ret = checker.getAwaitedType(sig.getReturnType()) ?? sig.getReturnType();
      const last = params.length - 1;

      // Every call that talks to the cloud can be aborted: its options come last, optional, and
      // take `signal`. A call whose one parameter holds everything (`uploadObject({ ..., signal })`)
      // takes it there.
      const retName = checker.typeToString(sig.getReturnType());
      const talks = /^Promise<|^Paged</.test(retName);
      if (talks && (last < 0 || !acceptsProp(paramType(last), 'signal'))) broken('the last parameter is the call options, with `signal`');
      else if (talks && params.length > 1 && !optional(last)) broken('the call options are optional');

      const isList = has(sig.getReturnType(), 'pages') && has(sig.getReturnType(), 'toArray');
      if (isList) {
        if (VERBS.test(name) && !name.startsWith('list')) broken('a list is named for what it lists (`servers`, not `getServers`)');
      }
      // A create takes one attributes object (which holds the new resource's name) before its
      // options; strings before it are the parent resource (`createVolumeAttachment(server, ...)`).
      if (/^create[A-Z]/.test(name) && params.length > 1) {
        const attrs = paramType(last - 1);
        if (isString(attrs) || !(checker.getNonNullableType(attrs).flags & ts.TypeFlags.Object || checker.getNonNullableType(attrs).isIntersection()))
          broken('a create takes one attributes object before its options');
        if (params.slice(0, last).some((p) => /^name/.test(p.name))) broken("a create's name goes in its attributes object");
      }
      if (name.startsWith('find') && (params.length < 1 || !isString(paramType(0)))) broken('a find takes a name or id first');
      if (name.startsWith('find') && !(ret.isUnion() && ret.types.some((t) => t.flags & ts.TypeFlags.Undefined)))
        broken('a find resolves to undefined when nothing matches');
      // Metadata keys are removed whether they are there or not: no ignoreMissing, no ref.
      const metadata = /Metadata$/.test(name);
      if (/^delete[A-Z]/.test(name) && !metadata && !acceptsProp(paramType(last), 'ignoreMissing'))
        broken('a delete takes `ignoreMissing`');
      if (/^waitFor[A-Z].*Delete$/.test(name) && !(ret.flags & ts.TypeFlags.Void)) broken('waitFor<Resource>Delete resolves to nothing');
      // `download<X>As<Blob|Text|...>` resolves to the data itself, read whole.
      if (/^download[A-Z]/.test(name) && !/As[A-Z][a-zA-Z]*$/.test(name) && !(has(ret, 'stream') && has(ret, 'size') && has(ret, 'checksum')))
        broken('a download resolves to { stream, size, checksum, ... }');
      if (/^(get|update|delete|waitFor)[A-Z]/.test(name) && !metadata && params.length > 1 && !isString(paramType(0)))
        broken('get/update/delete/waitFor take the resource (or its id) first');
    }
  }
  return { proxies, methods, violations };
}
