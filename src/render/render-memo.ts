/**
 * `{% render 'file', name: value %}` rendered once per value object and engine, then repeated.
 * A post's summary shows on every list page it is on (a home page, a page of each of its tags):
 * the same view object (views.summary caches it per post) through the same partial each time.
 * A render tag's output is a function of the file and the values it is given and nothing else:
 * LiquidJS renders the partial in a context of its own, with none of the caller's variables or
 * registers (no `cycle`, `increment` or `page` comes in), and view objects are never changed.
 * The engine is made anew whenever a template changes (build.ts, session/site-session.ts), so
 * whatever it remembers belongs to one set of templates.
 */
import { Drop, RenderTag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import type { Parser } from 'liquidjs';

/** What LiquidJS's RenderTag keeps, private in its types. */
interface RenderTagFields {
  file: unknown;
  currentFile?: string;
  hash: { hash: Record<string, unknown>; render(ctx: Context): Generator<unknown, Record<string, unknown>> };
  with?: unknown;
  forBinding?: unknown;
}

/** An emitter that collects a string (LiquidJS's own, not exported: a streamed render has none). */
type StringEmitter = Emitter & { buffer: string };

function collectsString(emitter: Emitter): emitter is StringEmitter {
  return typeof (emitter as { buffer?: unknown }).buffer === 'string';
}

/** Register the memoising `render` tag on `engine`. */
export function memoiseRender(engine: Liquid): void {
  /** Output by partial (calling file, file, argument name), then by the argument's value. */
  const memo = new Map<string, WeakMap<object, string>>();

  class MemoRenderTag extends RenderTag {
    /** Set for a tag that can be memoised: one argument, a file named in quotes, no `with` or `for`. */
    private readonly memoKey: string | undefined;
    private readonly argument: string | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid, parser);
      const fields = this as unknown as RenderTagFields;
      const names = Object.keys(fields.hash.hash);
      if (typeof fields.file === 'string' && names.length === 1 && fields.with === undefined && fields.forBinding === undefined) {
        this.argument = names[0]!;
        this.memoKey = `${fields.currentFile ?? ''}\n${fields.file}\n${this.argument}`;
      }
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      if (this.memoKey === undefined) {
        yield super.render(ctx, emitter);
        return;
      }
      const fields = this as unknown as RenderTagFields;
      const value = ((yield fields.hash.render(ctx)) as Record<string, unknown>)[this.argument!];
      // Only a plain object stands for its content by identity (a string or a number is cheap to render
      // anyway); a Drop may change between renders (`forloop` is one object for the whole loop).
      if (value === null || typeof value !== 'object' || value instanceof Drop || ctx.opts.keepOutputType || !collectsString(emitter)) {
        yield super.render(ctx, emitter);
        return;
      }
      let outputs = memo.get(this.memoKey);
      if (outputs === undefined) memo.set(this.memoKey, (outputs = new WeakMap()));
      let html = outputs.get(value);
      if (html === undefined) {
        // An empty emitter of the engine's own kind, so the partial's values are written as they would be.
        const own = new (emitter.constructor as new () => StringEmitter)();
        yield super.render(ctx, own);
        html = own.buffer;
        outputs.set(value, html);
      }
      emitter.write(html);
    }
  }

  engine.registerTag('render', MemoRenderTag);
}
