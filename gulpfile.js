const { src, dest, task } = require('gulp');

// tsc emits only JavaScript; n8n also needs the icons and the codex files next to the compiled nodes.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);
