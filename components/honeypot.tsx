/** A field people cannot see and only bots fill in: the form handlers drop a post that has it. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="hidden">
      <label>
        Website <input name="website" type="text" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}
