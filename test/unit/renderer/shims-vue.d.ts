// Lets the type checker of the tests import single-file components (vue-tsc checks their insides).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<Record<string, unknown>, object, unknown>
  export default component
}
