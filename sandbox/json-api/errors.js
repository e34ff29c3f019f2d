'use strict';

/**
 * An answer other than 200: the kit renders it with the API's envelope. `extra.headers` become
 * response headers; anything else in `extra` is handed to the envelope.
 */
class ApiError extends Error {
	constructor(status, message, details, extra = {}) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.details = details;
		const { headers = {}, ...rest } = extra;
		this.headers = headers;
		this.extra = rest;
	}
}

/** What the kit itself refuses with, unless the API names its own message and details. */
const KIT_ERRORS = {
	unauthorized: { status: 401, message: 'Unauthorized' },
	notFound: { status: 404, message: 'Route not found' },
	invalidJson: { status: 400, message: 'Request body is not valid JSON' },
	tooLarge: { status: 413, message: 'Request body is too large' },
	internal: { status: 500, message: 'Internal server error' },
};

/** Builds the kit's errors from the API's wording: `errors.notFound = {message, details}` etc. */
function kitErrors(overrides = {}) {
	const make = (name) => {
		const { status, message, details } = { ...KIT_ERRORS[name], ...overrides[name] };
		return (detailsOverride) => new ApiError(status, message, detailsOverride ?? details);
	};
	return Object.fromEntries(Object.keys(KIT_ERRORS).map((name) => [name, make(name)]));
}

module.exports = { ApiError, kitErrors };
